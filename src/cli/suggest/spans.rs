//! `orgraph suggest spans`.

use super::SuggestSource;
use clap::Args;
use orgraph::error::OrgError;

#[derive(Debug, Args)]
pub(in crate::cli) struct SpansArgs {
    #[command(flatten)]
    source: SuggestSource,
}

pub(super) fn run(args: SpansArgs) -> Result<(), OrgError> {
    let start = args.source.open()?;
    let _kept = args.source.kept(start.org())?;
    Err(OrgError::InvalidInput("not built yet".into()))
}
