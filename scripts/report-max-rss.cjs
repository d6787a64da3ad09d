// Preloaded into a measured process (node -r): writes its peak memory (bytes) where MAX_RSS_FILE says, on exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.MAX_RSS_FILE) writeFileSync(process.env.MAX_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
