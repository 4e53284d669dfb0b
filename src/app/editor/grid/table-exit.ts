import { createContext, useContext } from 'react';

// Enter on the last row of a table goes on to the next table or part (as Excel goes on down the sheet),
// rather than staying put so that the next figures are appended to the last one.

export const TableExitContext = createContext<() => void>(() => undefined);

export const useTableExit = (): (() => void) => useContext(TableExitContext);
