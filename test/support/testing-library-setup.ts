import { configure } from '@testing-library/dom';

// The editor, the check page and the 汇总 page are loaded on demand (lazy imports); on a busy 2-core CI
// machine the first import can take longer than testing-library's 1 s default for findBy/waitFor.
// A found element still returns at once.
configure({ asyncUtilTimeout: 8_000 });
