"""What a change means for staff: diffs between revisions, what's new in an edition, freshness."""
