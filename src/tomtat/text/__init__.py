"""Text units: sentences with their spans, syllable tokens, word segmentation."""
