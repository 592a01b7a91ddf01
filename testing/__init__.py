"""Helpers that the tests and bench/ share (real services on loopback)."""
