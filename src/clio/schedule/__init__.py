"""Scheduling: FSRS memory states, the next-interval preview, the study queue, optimisation."""
