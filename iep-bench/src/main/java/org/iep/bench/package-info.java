/**
 * JMH benchmarks of IEP. Build with {@code ./mvnw -pl iep-bench -am package -DskipTests} and run
 * {@code java -jar iep-bench/target/benchmarks.jar [regex]}; results and commands are in BENCHMARKS.md.
 */
package org.iep.bench;
