"""The invitation tests run Celery tasks in-process unless a test asks for the broker."""

import pytest


@pytest.fixture(autouse=True)
def _tasks_in_process(tasks_in_process):
    return tasks_in_process
