// Prints the import circles of src/ (development aid; the test is test/unit/imports.test.ts).
const { importGraph, importCircles } = require('../out/test/unit/importGraph');
const g = importGraph(require('path').resolve(__dirname, '..'), 'src');
const circles = importCircles(g);
for (const c of circles) console.log(`${c.length}: ${c.join(' ')}`);
if (circles.length === 0) console.log('no import circles in src/');
