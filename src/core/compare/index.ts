// The comparison view's data: the critic × entity matrix, its CSV, and passages per entity.
export * from './matrix';
export * from './passages';
export * from './csv';
// compareInput (./input) reads the index: imported on its own, so the webview's types stay engine-free.
