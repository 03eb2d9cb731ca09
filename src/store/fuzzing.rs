//! The baseline image codec, exposed to the fuzz targets (`fuzz/`) only:
//! the `fuzzing` feature is off in every build the app and the CLI make.

use crate::model::Org;

/// Decodes a baseline image as [`super::Workspace`] does on load.
pub fn decode_image(bytes: &[u8]) -> Result<Org, String> {
    super::image::decode(bytes)
}

/// Encodes `org` as [`super::Workspace`] stores it, in one buffer.
pub fn encode_image(org: &Org) -> Result<Vec<u8>, String> {
    let pieces = super::image::encode(org)?;
    Ok(pieces
        .iter()
        .flat_map(|piece| piece.iter().copied())
        .collect())
}
