//! Synthetic org generation (placeholder module; being written).
