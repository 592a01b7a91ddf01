"""Sending the outbox: `messages` builds each e-mail, `delivery` claims, sends and settles rows
exactly once and sweeps up what a dead worker or a broker outage left behind."""
