// The citizen channels' test helpers, under the name other modules' tests already use.
export { citizen, places, tipBody } from "../citizen/test-support";
