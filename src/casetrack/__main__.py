"""Allow `python -m casetrack`."""

from casetrack.launcher import main

if __name__ == "__main__":
    main()
