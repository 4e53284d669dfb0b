// zod is set not to compile parsers with `new Function` (the policy forbids eval) by the app's first import
// (src/app/shell/zod-without-eval.ts); schemas built at the top of a shared chunk would run before that entry
// code and trip the policy. zod and that setting make one chunk, evaluated before any chunk that uses zod.
// Both builds (dist/ and nianbao.html) split their code with this group.
export const zodFirst = { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|zod-without-eval/ };
