// The engine's public names. Other packages import only from here.
export * from './contract/index.js';
