// Message catalogues are flat JSON objects of strings (resolveJsonModule is off in the shared config).
declare module '*.json' {
  const messages: Record<string, string>;
  export default messages;
}
