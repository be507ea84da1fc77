/** Applied in this order; append new migrations at the end. */
export const migrations = [];
