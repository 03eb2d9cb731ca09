//! Tidy-tree layout (placeholder module; being written).
