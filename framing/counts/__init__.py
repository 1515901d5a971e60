"""Counting and weighing each outlet's labels; the words that set an outlet apart."""
