"""Use cases that combine core rules and the store. No Qt: long work takes plain callbacks."""
