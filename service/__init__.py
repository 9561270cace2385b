"""figures: every numeric claim in news text, normalised and located."""
