//! Workspace store (being written)
