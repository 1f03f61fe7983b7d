"""Reading articles in and writing summaries out, one file per format."""
