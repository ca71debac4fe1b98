/** opencc-js ships its dictionaries as untyped modules: each default-exports the dictionary text. */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
