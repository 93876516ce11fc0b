"""Allow `python -m casetrack`."""

from casetrack.cli import main

if __name__ == "__main__":
    main()
