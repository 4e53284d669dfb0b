import type { IFontAttributesProperties } from 'docx';

// Official 公文 fonts, named for ASCII, high-ANSI and East Asian text alike: a clerk's machine has them,
// other machines substitute (and digits stay in the same face as the characters around them).

const face = (name: string): IFontAttributesProperties => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

export const FONT = {
  title: face('方正小标宋简体'),
  heading1: face('黑体'),
  heading2: face('楷体_GB2312'),
  body: face('仿宋_GB2312'),
  table: face('宋体'),
  pageNumber: face('宋体'),
} as const;
