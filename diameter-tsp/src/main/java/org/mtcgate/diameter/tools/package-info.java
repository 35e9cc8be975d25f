/** Lab tools with a main method (load measurement); not used by the node itself. */
package org.mtcgate.diameter.tools;
