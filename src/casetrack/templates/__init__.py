"""Files `casetrack init` copies into a new dataset folder (read with importlib.resources)."""
