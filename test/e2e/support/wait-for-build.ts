// setupFilesAfterEnv of the e2e project: no e2e test starts before dist-demo/ is built.
import { demoBuilt } from "./await-build";

beforeAll(() => demoBuilt(), 300_000);
