"""The command line: the only modules that talk to the terminal."""
