# Builds one function for `sam build` (see functions/*/Makefile), from the project root: Maven
# builds only that module and what it needs (-am: the parent POM and the domain, dynamo and http modules it uses) from clean, so nothing
# stale from an earlier build ships; then the artifact gets the layout the Lambda Java runtime
# loads: the module's jar and its runtime-scope jars (never test jars) under lib/.
MVN ?= mvn -B -q

.PHONY: lambda
lambda:
	$(if $(MODULE),,$(error MODULE is not set, e.g. MODULE=functions/articles))
	$(if $(ARTIFACTS_DIR),,$(error ARTIFACTS_DIR is not set: sam build sets it))
	$(MVN) -pl $(MODULE) -am -DskipTests clean package
	rm -rf "$(ARTIFACTS_DIR)/lib"
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(MODULE)/target/lambda/lib/*.jar $(MODULE)/target/$(notdir $(MODULE))-*.jar "$(ARTIFACTS_DIR)/lib/"
