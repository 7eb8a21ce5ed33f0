"""Training eventwire's event models from the gold corpus (`make model`). Not needed at run time:
the pipeline reads only the weights this writes into `src/eventwire/events/weights/`."""
