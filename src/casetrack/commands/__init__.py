"""One module per command. Each imports only click at its top; the work is imported when run."""
