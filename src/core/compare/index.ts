// The comparison view's data: the critic × entity matrix, its CSV, and passages per entity.
export * from './matrix';
export * from './passages';
export * from './csv';
export * from './input';
