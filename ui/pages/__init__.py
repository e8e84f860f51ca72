"""One page per area of the sidebar."""
