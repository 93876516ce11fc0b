"""Allow `python -m casetrack`."""

from casetrack.entry import main

if __name__ == "__main__":
    main()
