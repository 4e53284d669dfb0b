// opencc-js ships types for its core and presets only; its dictionary modules are plain data.
declare module 'opencc-js/from/tw' {
  const groups: import('opencc-js/core').DictGroup[];
  export default groups;
}
declare module 'opencc-js/from/hk' {
  const groups: import('opencc-js/core').DictGroup[];
  export default groups;
}
declare module 'opencc-js/to/cn' {
  const groups: import('opencc-js/core').DictGroup[];
  export default groups;
}
declare module 'opencc-js/to/twp' {
  const groups: import('opencc-js/core').DictGroup[];
  export default groups;
}
declare module 'opencc-js/from/cn' {
  const groups: import('opencc-js/core').DictGroup[];
  export default groups;
}
