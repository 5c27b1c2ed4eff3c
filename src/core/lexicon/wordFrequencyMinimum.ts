// Words counted fewer times than this in SUBTLEX-US (51 million words) are treated as unlisted;
// esbuild.mjs reads the number from this file and bundles only the listed words.
export const MINIMUM_COUNT = 200;
