// The terminal table's number format lives in src/text, so src/report (below the command line) can use it too.
export { formatTableNumber } from '../text/table-number.js';
