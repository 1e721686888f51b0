"""Platform-neutral core: summary model, briefing and answers. Imports no SDK."""
