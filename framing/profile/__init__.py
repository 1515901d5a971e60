"""Outlets across many events: each event analysed, then each outlet profiled with intervals."""
