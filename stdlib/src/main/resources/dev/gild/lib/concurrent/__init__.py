"""Packages for running work concurrently."""
