// Sucrase's parser is not part of its public entry, but it is what `transform` itself runs; the
// notebook rewrite reuses it (tokens with identifier roles) instead of shipping a second parser.
// These are the CommonJS paths Node loads; bundles are pointed at the ES module twins by
// `sucrase-bundle-trim.ts`. Types come from the package's own declaration files.
declare module 'sucrase/dist/parser/index.js' {
  export * from 'sucrase/dist/types/parser/index';
}
declare module 'sucrase/dist/parser/tokenizer/index.js' {
  export * from 'sucrase/dist/types/parser/tokenizer/index';
}
declare module 'sucrase/dist/parser/tokenizer/types.js' {
  export * from 'sucrase/dist/types/parser/tokenizer/types';
}
declare module 'sucrase/dist/parser/tokenizer/keywords.js' {
  export * from 'sucrase/dist/types/parser/tokenizer/keywords';
}
