"""The event's actors: found in the text, mentions resolved, corrected by the user."""
