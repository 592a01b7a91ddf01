// Check-in by camera: after "Scan", read QR codes with jsQR (served from node_modules by the
// portal) and send the check-in token of this meeting's codes as the form's POST.
(function () {
  "use strict";

  var section = document.querySelector("[data-checkin-scanner]");
  if (!section || !window.jsQR || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return;
  }
  var start = section.querySelector("[data-checkin-start]");
  var stop = section.querySelector("[data-checkin-stop]");
  var video = section.querySelector("[data-checkin-video]");
  var status = section.querySelector("[data-checkin-status]");
  var form = section.querySelector("[data-checkin-form]");
  var pattern = new RegExp(
    "/events/" + section.dataset.checkinSlug + "/manage/check-in/([A-Za-z0-9_-]{1,64})/?$"
  );
  var canvas = document.createElement("canvas");
  var context = canvas.getContext("2d", { willReadFrequently: true });
  var stream = null;

  function message(name) {
    var node = section.querySelector("[data-checkin-messages]").content.querySelector(
      '[data-msg="' + name + '"]'
    );
    return node ? node.textContent : "";
  }

  function tokenOf(text) {
    try {
      var match = new URL(text, window.location.href).pathname.match(pattern);
      return match ? match[1] : null;
    } catch (error) {
      return null;
    }
  }

  function halt() {
    if (stream) {
      stream.getTracks().forEach(function (track) { track.stop(); });
    }
    stream = null;
    video.hidden = true;
    stop.hidden = true;
    start.hidden = false;
  }

  function scan() {
    if (!stream) {
      return;
    }
    if (video.readyState >= 2 && video.videoWidth) {
      var scale = Math.min(1, 640 / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      var image = context.getImageData(0, 0, canvas.width, canvas.height);
      var code = window.jsQR(image.data, image.width, image.height);
      if (code && code.data) {
        var token = tokenOf(code.data);
        if (token) {
          halt();
          form.querySelector("[data-checkin-token]").value = token;
          form.submit();
          return;
        }
        status.textContent = message("foreign");
      }
    }
    window.requestAnimationFrame(scan);
  }

  start.addEventListener("click", function () {
    status.textContent = message("looking");
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (media) {
        stream = media;
        video.srcObject = media;
        video.hidden = false;
        start.hidden = true;
        stop.hidden = false;
        stop.focus();
        return video.play();
      })
      .then(function () { window.requestAnimationFrame(scan); })
      .catch(function () {
        halt();
        status.textContent = message("denied");
      });
  });
  stop.addEventListener("click", function () {
    halt();
    status.textContent = "";
    start.focus();
  });

  start.hidden = false;
  section.querySelector("[data-checkin-nojs]").hidden = true;
  var answer = document.getElementById("checkin-answer");
  if (answer && answer.textContent.trim()) {
    answer.focus();
  }
})();
