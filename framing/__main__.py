"""`python -m framing` runs the command line."""

from framing.cli.main import main

main()
