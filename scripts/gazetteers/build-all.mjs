// Rebuilds every gazetteer file in dependency order: countries (CLDR + overlay), demonyms
// (need the country ids), cities (need country names and the hand place sources), then the
// hand-compiled places and organisations (need the built places for their ambiguity marks).
// Run: node scripts/gazetteers/build-all.mjs
for (const step of ['build-countries.mjs', 'build-demonyms.mjs', 'build-cities.mjs', 'build-hand.mjs']) {
  console.log(`# ${step}`);
  await import(`./${step}`);
}
