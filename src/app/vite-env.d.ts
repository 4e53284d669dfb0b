/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Set by the single-file build (dist/nianbao.html); see build/single-file.ts. */
  readonly NIANBAO_SINGLE_FILE?: boolean;
}
