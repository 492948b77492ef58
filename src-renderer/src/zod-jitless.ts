// zod compiles object parsers with new Function when it may, and decides when each schema is built
// (at module load). The CSP forbids eval, so every schema raised a script-src violation before zod
// fell back. Set before any schema module runs (main.tsx imports this first), it never tries.
import { z } from 'zod';

z.config({ jitless: true });
