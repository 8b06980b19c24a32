import { describeBusContract } from '../Bus.contract.js';
import { InProcessBus } from './InProcessBus.js';

describeBusContract('InProcessBus', {
  async pair() {
    // Two servers in one process share one in-process bus.
    const bus = new InProcessBus();
    return [bus, bus];
  },
});
